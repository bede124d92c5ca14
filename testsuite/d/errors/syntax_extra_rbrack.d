/* extra closing bracket */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1];
}
