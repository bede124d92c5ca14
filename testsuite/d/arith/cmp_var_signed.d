/* run-time signed comparison */
/* @@options: -q */
BEGIN
{
	x = -1;
	y = 1;
	printf("%d\n", x < y);
	exit(0);
}
