/* 64-bit multiply */
/* @@options: -q */
BEGIN
{
	x = (int64_t)123456789;
	printf("%d\n", x * 1000);
	exit(0);
}
