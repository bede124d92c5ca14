/* lquantize() base outside 32 bits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0x100000000, 0x100000010, 1);
}
