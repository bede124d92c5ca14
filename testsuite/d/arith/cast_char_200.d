/* cast: (char)200 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (char)200);
	exit(0);
}
