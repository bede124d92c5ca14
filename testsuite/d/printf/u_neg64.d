/* %u of a negative long long */
/* @@options: -q */
BEGIN
{
	printf("%u\n", -1LL);
	exit(0);
}
