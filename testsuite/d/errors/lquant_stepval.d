/* lquantize() step above 65535 */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = lquantize(1, 0, 100000, 70000);
}
