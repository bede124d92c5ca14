/* signed / and %: truncation toward zero, the remainder takes the
 * dividend's sign, INT64_MIN / -1 wraps (the BPF backend before Linux 6.6
 * divides magnitudes) */
/* @@options: -q */
BEGIN
{
	a = -7; b = 2; c = -2; m = -9223372036854775807 - 1; n = -1;
	printf("%d %d %d %d %d %d\n", a / b, a % b, 7 / c, 7 % c, a / c, a % c);
	printf("%d %d %d\n", m / n, m % n, m / 2);
	exit(0);
}
