/* decimal constant above INT_MAX is long */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 4294967295);
	exit(0);
}
