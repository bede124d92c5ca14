/* logical right shift of uint64_t */
/* @@options: -q */
BEGIN
{
	x = 0xffffffffffffffffULL;
	printf("%x\n", x >> 60);
	exit(0);
}
