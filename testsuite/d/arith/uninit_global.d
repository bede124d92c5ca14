/* global declared later is zero */
/* @@options: -q */
BEGIN
{
	x = 1;
}

BEGIN
/y == 0/
{
	printf("%d\n", x);
	exit(0);
}
