/* cast at run time: x = 300; y = (char)x; */
/* @@options: -q */
BEGIN
{
	x = 300;
	y = (char)x;
	printf("%d\n", y);
	exit(0);
}
