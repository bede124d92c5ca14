/* int + long long is long long */
/* @@options: -q */
BEGIN
{
	x = 1;
	y = 4294967296LL;
	printf("%d\n", x + y);
	exit(0);
}
