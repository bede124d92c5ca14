/* declared global starts at zero */
/* @@options: -q */
int g;

BEGIN
{
	printf("%d\n", g);
	g = 3;
	printf("%d\n", g);
	exit(0);
}
