/* strtoll(): white space, sign, bases, 0x for base 16 */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d %d\n", strtoll("  -123xyz"), strtoll("0x1F", 16),
	    strtoll("777", 8), strtoll("zz", 36));
	printf("%d %d %d\n", strtoll("+42"), strtoll(""), strtoll("\t\n 9"));
	exit(0);
}
