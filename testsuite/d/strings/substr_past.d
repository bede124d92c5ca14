/* substr() past the end is empty */
/* @@options: -q */
BEGIN
{
	printf("[%s]\n", substr("hello", 10));
	exit(0);
}
