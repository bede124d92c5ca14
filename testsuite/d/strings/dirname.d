/* dirname() */
/* @@options: -q */
BEGIN
{
	printf("%s\n", dirname("/usr/lib/libc.so"));
	exit(0);
}
