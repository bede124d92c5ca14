/* normalize() by a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	normalize(@a, "x");
}
