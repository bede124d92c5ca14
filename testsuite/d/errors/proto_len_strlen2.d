/* strlen() with two arguments */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = strlen("a", "b");
}
