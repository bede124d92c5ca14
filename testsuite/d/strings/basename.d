/* basename() */
/* @@options: -q */
BEGIN
{
	printf("%s\n", basename("/usr/lib/libc.so"));
	exit(0);
}
