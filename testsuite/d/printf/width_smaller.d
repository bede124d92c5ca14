/* a width smaller than the value */
/* @@options: -q */
BEGIN
{
	printf("[%2d]\n", 12345);
	exit(0);
}
