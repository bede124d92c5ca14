/* # flag with %o */
/* @@options: -q */
BEGIN
{
	printf("%#o\n", 8);
	exit(0);
}
