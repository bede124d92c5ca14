/* cast: (uint64_t)-1 */
/* @@options: -q */
BEGIN
{
	printf("%u\n", (uint64_t)-1);
	exit(0);
}
