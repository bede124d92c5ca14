/* quantize() of zero */
/* @@options: -q */
BEGIN
{
	@q = quantize(0);
	exit(0);
}
