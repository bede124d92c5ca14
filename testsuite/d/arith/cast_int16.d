/* cast: (int16_t)0x18000 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int16_t)0x18000);
	exit(0);
}
