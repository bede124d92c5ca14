/* llquantize() low magnitude that is not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 0;
	@a = llquantize(1, 10, x, 2, 10);
}
