/* strlen() with no argument */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = strlen();
}
