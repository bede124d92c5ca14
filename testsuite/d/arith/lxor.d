/* operator expression: 1 ^^ 0 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 1 ^^ 0);
	exit(0);
}
