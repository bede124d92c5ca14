/* llquantize() zero steps */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, 2, 0);
}
