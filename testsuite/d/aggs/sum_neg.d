/* sum() of negative values */
/* @@options: -q */
BEGIN
{
	@s = sum(-10);
	@s = sum(3);
	exit(0);
}
