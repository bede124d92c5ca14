/* cast: (uint32_t)0x180000000 */
/* @@options: -q */
BEGIN
{
	printf("%u\n", (uint32_t)0x180000000);
	exit(0);
}
