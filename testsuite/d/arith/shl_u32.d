/* unsigned 1 << 31 */
/* @@options: -q */
BEGIN
{
	x = 1u;
	printf("%u\n", x << 31);
	exit(0);
}
