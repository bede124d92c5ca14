/* uint64_t 0 - 1 */
/* @@options: -q */
BEGIN
{
	x = 0ULL;
	printf("%u\n", x - 1);
	exit(0);
}
