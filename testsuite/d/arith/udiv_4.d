/* unsigned int division and modulo: (unsigned)4294967295 / 10 */
/* @@options: -q */
BEGIN
{
	a = (unsigned int)4294967295;
	b = 10u;
	printf("%u %u\n", a / b, a % b);
	exit(0);
}
