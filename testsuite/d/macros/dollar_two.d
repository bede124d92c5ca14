/* three macro arguments */
/* @@options: -q */
/* @@args: 2 3 x */
BEGIN
{
	printf("%d %s\n", $1 * $2, $$3);
	exit(0);
}
