/* llquantize() factor to the high magnitude overflows */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 10, 0, 20, 10);
}
