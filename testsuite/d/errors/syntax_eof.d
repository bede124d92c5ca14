/* missing closing brace */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
