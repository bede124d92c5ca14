/* walltimestamp is after 2001 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", walltimestamp > 1000000000000000000);
	exit(0);
}
