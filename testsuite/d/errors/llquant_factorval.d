/* llquantize() factor beyond 16 bits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 65536, 0, 1, 65536);
}
