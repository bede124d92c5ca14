/* %ld */
/* @@options: -q */
BEGIN
{
	printf("%ld\n", 1234567890123LL);
	exit(0);
}
