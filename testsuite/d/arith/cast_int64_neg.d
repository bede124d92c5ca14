/* cast: (int64_t)-1 */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (int64_t)-1);
	exit(0);
}
