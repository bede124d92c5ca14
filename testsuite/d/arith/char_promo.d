/* char is promoted with sign */
/* @@options: -q */
BEGIN
{
	x = (char)-1;
	printf("%d\n", x + 1);
	exit(0);
}
