/* INT64_MAX + 1 wraps */
/* @@options: -q */
BEGIN
{
	x = 9223372036854775807LL;
	printf("%d\n", x + 1);
	exit(0);
}
