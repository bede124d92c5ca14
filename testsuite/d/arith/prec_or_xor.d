/* operator expression: 1 | 6 ^ 3 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 1 | 6 ^ 3);
	exit(0);
}
