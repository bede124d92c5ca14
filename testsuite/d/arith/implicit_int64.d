/* a variable created by ++ is int64_t */
/* @@options: -q */
BEGIN
{
	x++;
	printf("%d\n", sizeof (x));
	exit(0);
}
