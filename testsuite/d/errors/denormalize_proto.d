/* denormalize() with a divisor */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	denormalize(@a, 2);
}
