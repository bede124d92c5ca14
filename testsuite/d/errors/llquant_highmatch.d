/* one aggregation given two llquantize() high magnitudes */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, 2, 10);
	@a = llquantize(1, 10, 0, 3, 10);
}
