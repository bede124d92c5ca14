/* typedef */
/* @@options: -q */
typedef int myint_t;

myint_t v;

BEGIN
{
	v = 4;
	printf("%d %d\n", v, sizeof (myint_t));
	exit(0);
}
