/* id of BEGIN is 1 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", id);
	exit(0);
}
