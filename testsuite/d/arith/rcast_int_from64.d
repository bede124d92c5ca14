/* cast at run time: x = (int64_t)0x100000005; y = (int)x; */
/* @@options: -q */
BEGIN
{
	x = (int64_t)0x100000005;
	y = (int)x;
	printf("%d\n", y);
	exit(0);
}
