/* || does not evaluate its right side when the left is true */
/* @@options: -q */
BEGIN
{
	x = 1;
	y = 0;
	z = (x || (y = 1));
	printf("%d %d\n", z, y);
	exit(0);
}
