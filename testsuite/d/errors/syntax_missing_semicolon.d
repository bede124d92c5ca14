/* two statements without a semicolon */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1
	y = 2;
}
