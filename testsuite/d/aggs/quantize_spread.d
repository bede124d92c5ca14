/* quantize() over several powers of two */
/* @@options: -q */
BEGIN
{
	@q = quantize(1);
	@q = quantize(2);
	@q = quantize(3);
	@q = quantize(4);
	@q = quantize(5);
	@q = quantize(100);
	@q = quantize(1000);
	exit(0);
}
