/* cast: (unsigned char)-1 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (unsigned char)-1);
	exit(0);
}
