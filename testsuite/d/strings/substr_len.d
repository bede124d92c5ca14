/* substr(s, i, len) */
/* @@options: -q */
BEGIN
{
	printf("%s\n", substr("hello", 1, 3));
	exit(0);
}
