/* one aggregation given two lquantize() limits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 10, 1);
	@a = lquantize(1, 0, 20, 1);
}
