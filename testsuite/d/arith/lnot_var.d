/* logical not of a variable */
/* @@options: -q */
BEGIN
{
	x = 0;
	printf("%d %d\n", !x, !!x);
	exit(0);
}
