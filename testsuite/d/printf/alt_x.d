/* # flag with %x */
/* @@options: -q */
BEGIN
{
	printf("%#x %#X\n", 255, 255);
	exit(0);
}
