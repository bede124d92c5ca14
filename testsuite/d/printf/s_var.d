/* %s of built-in string variables */
/* @@options: -q */
BEGIN
{
	printf("%s-%s\n", probeprov, probename);
	exit(0);
}
