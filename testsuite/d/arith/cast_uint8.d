/* cast: (uint8_t)0x1ff */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (uint8_t)0x1ff);
	exit(0);
}
