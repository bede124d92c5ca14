/* %d of INT64_MIN */
/* @@options: -q */
BEGIN
{
	printf("%d\n", -9223372036854775807LL - 1);
	exit(0);
}
