/* printf() %c given a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%c\n", "one");
}
