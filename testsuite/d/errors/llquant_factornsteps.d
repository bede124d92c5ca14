/* llquantize() fewer steps than the factor */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, 2, 5);
}
