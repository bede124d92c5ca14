/* operator expression: 3 & 1 == 1 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 3 & 1 == 1);
	exit(0);
}
