/* operator expression: 10 - 7 % 4 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 10 - 7 % 4);
	exit(0);
}
