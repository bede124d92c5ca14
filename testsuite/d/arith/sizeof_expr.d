/* sizeof of a variable */
/* @@options: -q */
BEGIN
{
	x = (short)1;
	printf("%d\n", sizeof (x));
	exit(0);
}
