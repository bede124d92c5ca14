/* cast at run time: x = 200; y = (char)x; */
/* @@options: -q */
BEGIN
{
	x = 200;
	y = (char)x;
	printf("%d\n", y);
	exit(0);
}
