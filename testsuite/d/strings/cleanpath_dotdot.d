/* cleanpath() removes .. */
/* @@options: -q */
BEGIN
{
	printf("%s\n", cleanpath("/a/b/../c"));
	exit(0);
}
