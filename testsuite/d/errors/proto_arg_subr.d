/* strlen() given an integer */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = strlen(1);
}
