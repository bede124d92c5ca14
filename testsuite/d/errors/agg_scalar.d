/* sum() of a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = sum("x");
}
