/* cast: (short)65537 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (short)65537);
	exit(0);
}
