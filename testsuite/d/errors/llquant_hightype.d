/* llquantize() high magnitude that is not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 2;
	@a = llquantize(1, 10, 0, x, 10);
}
