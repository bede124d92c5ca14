/* cast: (int)(char)0x80 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int)(char)0x80);
	exit(0);
}
