/* >>= operator */
/* @@options: -q */
BEGIN
{
	x = 256;
	x >>= 4;
	printf("%d\n", x);
	exit(0);
}
