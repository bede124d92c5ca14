/* substr() with a negative index counts from the end */
/* @@options: -q */
BEGIN
{
	printf("%s\n", substr("hello", -3));
	exit(0);
}
