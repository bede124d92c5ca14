/* ++ and -- statements */
/* @@options: -q */
BEGIN
{
	x = 5;
	x++;
	++x;
	x--;
	printf("%d\n", x);
	exit(0);
}
