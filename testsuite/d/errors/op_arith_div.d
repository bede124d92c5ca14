/* / by a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 2 / "a";
}
