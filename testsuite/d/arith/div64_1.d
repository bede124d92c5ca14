/* 64-bit signed division and modulo: -7 / 2 */
/* @@options: -q */
BEGIN
{
	a = (int64_t)-7;
	b = (int64_t)2;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
