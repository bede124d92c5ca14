/* %d of an unsigned int prints it signed */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 0xffffffff);
	exit(0);
}
