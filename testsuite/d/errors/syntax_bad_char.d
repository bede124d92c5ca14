/* a character D does not know */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1 # 2;
}
