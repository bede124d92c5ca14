/* cast: (uint16_t)0x18000 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (uint16_t)0x18000);
	exit(0);
}
