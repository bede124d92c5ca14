/* toupper() of the empty string */
/* @@options: -q */
BEGIN
{
	printf("[%s]\n", toupper(""));
	exit(0);
}
