/* right shift of a negative int64_t is arithmetic */
/* @@options: -q */
BEGIN
{
	x = (int64_t)-1024;
	printf("%d\n", x >> 3);
	exit(0);
}
