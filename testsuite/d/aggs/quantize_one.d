/* quantize() of one value */
/* @@options: -q */
BEGIN
{
	@q = quantize(1);
	exit(0);
}
