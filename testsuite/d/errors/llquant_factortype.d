/* llquantize() factor not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 10;
	@a = llquantize(1, x, 0, 2, 10);
}
