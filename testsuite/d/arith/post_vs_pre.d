/* post- and pre-increment values */
/* @@options: -q */
BEGIN
{
	x = 5;
	y = x++;
	z = ++x;
	printf("%d %d %d\n", x, y, z);
	exit(0);
}
