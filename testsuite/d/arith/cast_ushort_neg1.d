/* cast: (unsigned short)-1 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (unsigned short)-1);
	exit(0);
}
