/* associative array with int keys */
/* @@options: -q */
BEGIN
{
	a[5] = 50;
	a[6] = 60;
	printf("%d\n", a[5] + a[6]);
	exit(0);
}
