/* constant division by zero */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1 / 0;
}
