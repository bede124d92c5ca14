/* cast at run time: x = -3; y = (uint64_t)x; */
/* @@options: -q */
BEGIN
{
	x = -3;
	y = (uint64_t)x;
	printf("%u\n", y);
	exit(0);
}
