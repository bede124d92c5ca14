/* operator expression: (0xf0 & 0x3c) | 0x01 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (0xf0 & 0x3c) | 0x01);
	exit(0);
}
