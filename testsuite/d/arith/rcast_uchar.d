/* cast at run time: x = -1; y = (unsigned char)x; */
/* @@options: -q */
BEGIN
{
	x = -1;
	y = (unsigned char)x;
	printf("%d\n", y);
	exit(0);
}
