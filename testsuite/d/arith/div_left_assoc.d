/* operator expression: 100 / 10 / 5 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 100 / 10 / 5);
	exit(0);
}
