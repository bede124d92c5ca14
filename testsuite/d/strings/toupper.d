/* toupper() */
/* @@options: -q */
BEGIN
{
	printf("%s\n", toupper("Hello, World 1"));
	exit(0);
}
