/* cast: (short)40000 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (short)40000);
	exit(0);
}
