/* operator expression: 0 ? 1 : 1 ? 2 : 3 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 0 ? 1 : 1 ? 2 : 3);
	exit(0);
}
