/* %llx */
/* @@options: -q */
BEGIN
{
	printf("%llx\n", 0x123456789abcdefLL);
	exit(0);
}
