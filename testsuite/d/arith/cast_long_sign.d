/* cast: (long)(unsigned int)0xffffffff */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (long)(unsigned int)0xffffffff);
	exit(0);
}
