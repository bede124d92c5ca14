/* %s of an empty string */
/* @@options: -q */
BEGIN
{
	printf("[%s]\n", "");
	exit(0);
}
