/* %lld */
/* @@options: -q */
BEGIN
{
	printf("%lld\n", -1234567890123LL);
	exit(0);
}
