/* substr() of length 0 */
/* @@options: -q */
BEGIN
{
	printf("[%s]\n", substr("hello", 1, 0));
	exit(0);
}
