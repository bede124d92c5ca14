/* INT_MAX + 1 wraps when printed as int */
/* @@options: -q */
BEGIN
{
	x = 2147483647;
	printf("%d\n", x + 1);
	exit(0);
}
