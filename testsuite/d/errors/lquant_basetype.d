/* lquantize() base not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	@a = lquantize(1, x, 10, 1);
}
