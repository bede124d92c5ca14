/* %lu of UINT64_MAX */
/* @@options: -q */
BEGIN
{
	printf("%lu\n", 18446744073709551615ULL);
	exit(0);
}
