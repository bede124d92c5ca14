/* operator expression: 0 || 0 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 0 || 0);
	exit(0);
}
