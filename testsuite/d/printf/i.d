/* %i */
/* @@options: -q */
BEGIN
{
	printf("%i\n", -42);
	exit(0);
}
