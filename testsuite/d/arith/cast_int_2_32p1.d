/* cast: (int)4294967297 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int)4294967297);
	exit(0);
}
