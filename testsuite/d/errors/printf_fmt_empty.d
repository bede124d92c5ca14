/* printf() with an empty format */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("");
}
