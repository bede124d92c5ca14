/* htonl() on a little-endian host */
/* @@options: -q */
BEGIN
{
	printf("%x\n", htonl(0x12345678));
	exit(0);
}
