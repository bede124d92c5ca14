/* %s */
/* @@options: -q */
BEGIN
{
	printf("%s\n", "str");
	exit(0);
}
