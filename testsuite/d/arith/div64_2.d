/* 64-bit signed division and modulo: -1000000000000 / 7 */
/* @@options: -q */
BEGIN
{
	a = (int64_t)-1000000000000;
	b = (int64_t)7;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
