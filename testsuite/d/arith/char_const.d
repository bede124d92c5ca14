/* character constants are ints */
/* @@options: -q */
BEGIN
{
	printf("%d %d\n", 'A', '\n');
	exit(0);
}
