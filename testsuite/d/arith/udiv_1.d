/* unsigned int division and modulo: (unsigned)-7 / 2 */
/* @@options: -q */
BEGIN
{
	a = (unsigned int)-7;
	b = 2u;
	printf("%u %u\n", a / b, a % b);
	exit(0);
}
