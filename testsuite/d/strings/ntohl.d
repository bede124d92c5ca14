/* ntohl() */
/* @@options: -q */
BEGIN
{
	printf("%x\n", ntohl(0x78563412));
	exit(0);
}
