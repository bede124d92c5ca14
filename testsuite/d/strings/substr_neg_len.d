/* substr() with a negative index and a length */
/* @@options: -q */
BEGIN
{
	printf("%s\n", substr("hello", -3, 2));
	exit(0);
}
