/* unsigned int division and modulo: (unsigned)4294967280 / 16 */
/* @@options: -q */
BEGIN
{
	a = (unsigned int)4294967280;
	b = 16u;
	printf("%u %u\n", a / b, a % b);
	exit(0);
}
