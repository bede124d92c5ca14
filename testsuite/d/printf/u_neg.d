/* %u of a negative int */
/* @@options: -q */
BEGIN
{
	printf("%u\n", -1);
	exit(0);
}
