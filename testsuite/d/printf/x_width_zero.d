/* %08x */
/* @@options: -q */
BEGIN
{
	printf("%08x\n", 0xbeef);
	exit(0);
}
