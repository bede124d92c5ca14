/* one aggregation given two lquantize() bases */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 10, 1);
	@a = lquantize(1, 1, 10, 1);
}
