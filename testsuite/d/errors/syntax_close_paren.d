/* unbalanced parenthesis */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = (1 + 2;
}
