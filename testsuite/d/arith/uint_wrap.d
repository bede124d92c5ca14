/* unsigned 0 - 1 wraps to UINT_MAX */
/* @@options: -q */
BEGIN
{
	x = 0u;
	printf("%u\n", x - 1);
	exit(0);
}
