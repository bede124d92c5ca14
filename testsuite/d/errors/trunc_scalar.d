/* trunc() to a string count */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	trunc(@a, "x");
}
