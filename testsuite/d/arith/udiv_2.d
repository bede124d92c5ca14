/* unsigned int division and modulo: (unsigned)-1 / 2 */
/* @@options: -q */
BEGIN
{
	a = (unsigned int)-1;
	b = 2u;
	printf("%u %u\n", a / b, a % b);
	exit(0);
}
