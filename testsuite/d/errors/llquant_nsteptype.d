/* llquantize() steps that are not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 10;
	@a = llquantize(1, 10, 0, 2, x);
}
