/* $1 as an integer */
/* @@options: -q */
/* @@args: 41 */
BEGIN
{
	printf("%d\n", $1 + 1);
	exit(0);
}
