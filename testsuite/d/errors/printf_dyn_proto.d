/* printf() %*d missing its width argument */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%*d\n");
}
