/* uint64_t division of a value that was negative */
/* @@options: -q */
BEGIN
{
	x = -7;
	a = (uint64_t)x;
	printf("%u %u\n", a / 2, a % 10);
	exit(0);
}
