/* cast: (int32_t)0x180000000 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int32_t)0x180000000);
	exit(0);
}
