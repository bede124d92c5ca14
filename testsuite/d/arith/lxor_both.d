/* operator expression: 1 ^^ 2 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 1 ^^ 2);
	exit(0);
}
