/* basename() without a slash */
/* @@options: -q */
BEGIN
{
	printf("%s\n", basename("file"));
	exit(0);
}
