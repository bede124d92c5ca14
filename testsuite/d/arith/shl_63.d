/* 1 << 63 as int64_t */
/* @@options: -q */
BEGIN
{
	x = (int64_t)1;
	printf("%d\n", x << 63);
	exit(0);
}
