/* printf() %-8lx given a string: the conversion is named without flags */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%-8lx\n", "one");
}
