/* enum-typed variable */
/* @@options: -q */
enum e { A1 = 2, B1 };

enum e v;

BEGIN
{
	v = B1;
	printf("%d\n", v == B1);
	exit(0);
}
