/* strjoin() with an empty string */
/* @@options: -q */
BEGIN
{
	printf("%s\n", strjoin("", "x"));
	exit(0);
}
