/* precision with %d */
/* @@options: -q */
BEGIN
{
	printf("[%.3d]\n", 7);
	exit(0);
}
