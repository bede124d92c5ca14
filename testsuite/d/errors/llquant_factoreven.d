/* llquantize() steps not a multiple of the factor */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, 2, 15);
}
