/* basename() with a trailing slash */
/* @@options: -q */
BEGIN
{
	printf("%s\n", basename("/usr/lib/"));
	exit(0);
}
