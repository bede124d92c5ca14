/* right shift of a negative int is arithmetic */
/* @@options: -q */
BEGIN
{
	x = -8;
	printf("%d\n", x >> 1);
	exit(0);
}
