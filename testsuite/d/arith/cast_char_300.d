/* cast: (char)300 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (char)300);
	exit(0);
}
