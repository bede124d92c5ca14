/* normalize() uses integer division */
/* @@options: -q */
BEGIN
{
	@s = sum(7);
}

BEGIN
{
	normalize(@s, 2);
	exit(0);
}
