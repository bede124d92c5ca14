/* quantize() of negative and positive values */
/* @@options: -q */
BEGIN
{
	@q = quantize(-3);
	@q = quantize(-1);
	@q = quantize(0);
	@q = quantize(1);
	@q = quantize(2);
	@q = quantize(8);
	exit(0);
}
