/* $1 negative */
/* @@options: -q */
/* @@args: -- -5 */
BEGIN
{
	printf("%d\n", $1);
	exit(0);
}
