/* unterminated comment */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	exit(0);
}
/* open
