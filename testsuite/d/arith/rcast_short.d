/* cast at run time: x = 40000; y = (short)x; */
/* @@options: -q */
BEGIN
{
	x = 40000;
	y = (short)x;
	printf("%d\n", y);
	exit(0);
}
