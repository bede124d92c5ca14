/* htons() on a little-endian host */
/* @@options: -q */
BEGIN
{
	printf("%x\n", htons(0x1234));
	exit(0);
}
