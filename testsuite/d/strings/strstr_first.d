/* strstr() at the start */
/* @@options: -q */
BEGIN
{
	printf("%s\n", strstr("abab", "ab"));
	exit(0);
}
