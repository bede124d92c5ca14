/* sizeof of int and long long constants */
/* @@options: -q */
BEGIN
{
	printf("%d %d\n", sizeof (1), sizeof (1LL));
	exit(0);
}
