/* lquantize() with more than 65535 levels */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 100000, 1);
}
