/* assignment is an expression */
/* @@options: -q */
BEGIN
{
	x = y = 4;
	printf("%d %d\n", x, y);
	exit(0);
}
