/* constant modulo by zero */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 5 % 0;
}
