/* && does not evaluate its right side when the left is false */
/* @@options: -q */
BEGIN
{
	x = 0;
	y = 0;
	z = (x && (y = 1));
	printf("%d %d\n", z, y);
	exit(0);
}
