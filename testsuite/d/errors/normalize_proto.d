/* normalize() without a divisor */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	normalize(@a);
}
