/* width and precision with %d */
/* @@options: -q */
BEGIN
{
	printf("[%6.3d]\n", 7);
	exit(0);
}
