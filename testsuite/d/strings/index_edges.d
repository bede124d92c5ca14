/* index() with "" and starts past either end; strstr() with "" */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d %d %d\n", index("hello", "", 5), index("hello", "", 9),
	    index("hello", "l", -3), index("hello", "lo", 4), index("", ""));
	printf("[%s] [%s]\n", strstr("abc", ""), strstr("abababc", "abc"));
	exit(0);
}
