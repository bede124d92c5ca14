/* long char */
/* @@options: -q -xerrtags */
/* @@status: 1 */
long char c;
BEGIN
{
	exit(0);
}
