/* 1 << 31 as int is INT_MIN */
/* @@options: -q */
BEGIN
{
	x = 1;
	printf("%d\n", x << 31);
	exit(0);
}
