/* strjoin() with one argument */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = strjoin("a");
}
