/* cast: (int8_t)0x1ff */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int8_t)0x1ff);
	exit(0);
}
