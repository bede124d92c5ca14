/* llquantize() factor below 2 */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = llquantize(1, 1, 0, 2, 10);
}
