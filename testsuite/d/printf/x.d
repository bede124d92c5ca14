/* %x */
/* @@options: -q */
BEGIN
{
	printf("%x\n", 255);
	exit(0);
}
