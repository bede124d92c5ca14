/* quantize() of 2^40 */
/* @@options: -q */
BEGIN
{
	@q = quantize(1099511627776);
	exit(0);
}
