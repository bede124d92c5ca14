/* string == compares contents */
/* @@options: -q */
BEGIN
{
	printf("%d %d\n", "abc" == "abc", "abc" == "abd");
	exit(0);
}
