/* string ordering comparisons */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d\n", "abc" < "abd", "b" > "abc", "a" <= "a");
	exit(0);
}
