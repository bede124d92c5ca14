/* operator expression: ~0 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", ~0);
	exit(0);
}
