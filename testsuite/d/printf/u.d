/* %u */
/* @@options: -q */
BEGIN
{
	printf("%u\n", 42);
	exit(0);
}
