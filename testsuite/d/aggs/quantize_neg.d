/* quantize() of negative values only */
/* @@options: -q */
BEGIN
{
	@q = quantize(-1);
	@q = quantize(-5);
	@q = quantize(-100);
	exit(0);
}
