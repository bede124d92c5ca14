/* substr(s, 0) */
/* @@options: -q */
BEGIN
{
	printf("%s\n", substr("hello", 0));
	exit(0);
}
