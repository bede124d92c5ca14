/* htonll() on a little-endian host */
/* @@options: -q */
BEGIN
{
	printf("%x\n", htonll(0x0102030405060708ULL));
	exit(0);
}
