/* cast of a string constant to string */
/* @@options: -q */
BEGIN
{
	printf("%s\n", (string)"abc");
	exit(0);
}
