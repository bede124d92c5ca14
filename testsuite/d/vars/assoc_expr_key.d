/* key from an expression */
/* @@options: -q */
BEGIN
{
	a[1 + 1] = 9;
	printf("%d\n", a[2]);
	exit(0);
}
