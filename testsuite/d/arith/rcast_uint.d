/* cast at run time: x = -1; y = (unsigned int)x; */
/* @@options: -q */
BEGIN
{
	x = -1;
	y = (unsigned int)x;
	printf("%u\n", y);
	exit(0);
}
