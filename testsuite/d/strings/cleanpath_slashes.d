/* cleanpath() merges slashes */
/* @@options: -q */
BEGIN
{
	printf("%s\n", cleanpath("/a//b"));
	exit(0);
}
