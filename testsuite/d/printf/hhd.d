/* %hhd truncates to char */
/* @@options: -q */
BEGIN
{
	printf("%hhd\n", 257);
	exit(0);
}
