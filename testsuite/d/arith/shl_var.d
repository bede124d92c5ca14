/* shift count from a variable */
/* @@options: -q */
BEGIN
{
	x = 3;
	y = 4;
	printf("%d\n", x << y);
	exit(0);
}
