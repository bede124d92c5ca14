/* llquantize() high magnitude beyond 16 bits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, -1, 10);
}
