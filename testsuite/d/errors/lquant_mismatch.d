/* lquantize() limit below base */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 10, 0, 1);
}
