/* int64_t multiplication overflow */
/* @@options: -q */
BEGIN
{
	x = (int64_t)4294967296;
	printf("%d\n", x * 4294967296);
	exit(0);
}
