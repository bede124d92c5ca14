/* substr() with a length past the end */
/* @@options: -q */
BEGIN
{
	printf("%s\n", substr("hello", 2, 100));
	exit(0);
}
