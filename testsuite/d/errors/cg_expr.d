/* an action called inside an expression */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1 + exit(0);
}
