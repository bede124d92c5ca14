/* one aggregation given two lquantize() steps */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 10, 1);
	@a = lquantize(1, 0, 10, 2);
}
