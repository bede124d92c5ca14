/* ntohs() */
/* @@options: -q */
BEGIN
{
	printf("%x\n", ntohs(0x3412));
	exit(0);
}
