/* %X */
/* @@options: -q */
BEGIN
{
	printf("%X\n", 255);
	exit(0);
}
