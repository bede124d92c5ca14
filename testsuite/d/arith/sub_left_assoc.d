/* operator expression: 10 - 3 - 2 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 10 - 3 - 2);
	exit(0);
}
