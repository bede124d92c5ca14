/* quantize() with an increment argument */
/* @@options: -q */
BEGIN
{
	@q = quantize(10, 5);
	@q = quantize(1, 3);
	exit(0);
}
