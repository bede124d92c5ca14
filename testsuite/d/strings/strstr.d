/* strstr() */
/* @@options: -q */
BEGIN
{
	printf("%s\n", strstr("hello world", "o w"));
	exit(0);
}
