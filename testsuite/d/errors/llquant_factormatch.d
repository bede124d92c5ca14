/* one aggregation given two llquantize() factors */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 2, 0, 2, 4);
	@a = llquantize(1, 4, 0, 2, 4);
}
