/* bitwise compound assignment */
/* @@options: -q */
BEGIN
{
	x = 0xf0;
	x &= 0x3c;
	x |= 1;
	x ^= 0xff;
	printf("%d\n", x);
	exit(0);
}
