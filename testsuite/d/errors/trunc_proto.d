/* trunc() with three arguments */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	trunc(@a, 1, 2);
}
