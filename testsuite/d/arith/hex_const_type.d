/* hex constant 0xffffffff is unsigned int */
/* @@options: -q */
BEGIN
{
	printf("%u\n", 0xffffffff);
	exit(0);
}
