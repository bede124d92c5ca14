/* <<= operator */
/* @@options: -q */
BEGIN
{
	x = 1;
	x <<= 5;
	printf("%d\n", x);
	exit(0);
}
