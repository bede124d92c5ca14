/* -x strsize=16 with a shorter string */
/* @@options: -q -x strsize=16 */
BEGIN
{
	printf("%s\n", "abcdefghij");
	exit(0);
}
