/* rindex() from a start position, and the start's edge cases */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d %d\n", rindex("hello", "l", 2), rindex("hello", "l", 10),
	    rindex("hello", "", -1), rindex("hello", "x", -1));
	printf("%d %d\n", rindex("aaa", "aa"), rindex("abcabc", "abc", 2));
	exit(0);
}
