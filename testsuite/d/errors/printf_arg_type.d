/* printf() %d given a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%d\n", "one");
}
