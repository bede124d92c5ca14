/* lquantize() limit not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	@a = lquantize(1, 0, x, 1);
}
