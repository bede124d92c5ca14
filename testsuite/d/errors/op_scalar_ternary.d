/* ?: condition of string type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = "a" ? 1 : 2;
}
