/* lquantize() limit beyond 32 bits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 0x100000000, 0x10000);
}
