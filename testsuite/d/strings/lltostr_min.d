/* lltostr(INT64_MIN) */
/* @@options: -q */
BEGIN
{
	printf("%s\n", lltostr(-9223372036854775807LL - 1));
	exit(0);
}
