/* cast at run time: x = -3; y = (int64_t)x; */
/* @@options: -q */
BEGIN
{
	x = -3;
	y = (int64_t)x;
	printf("%d\n", y);
	exit(0);
}
