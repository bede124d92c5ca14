/* operator expression: !5 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", !5);
	exit(0);
}
