/* string != on variables */
/* @@options: -q */
BEGIN
{
	s = "x";
	t = "y";
	printf("%d\n", s != t);
	exit(0);
}
