/* timestamp is positive */
/* @@options: -q */
BEGIN
{
	printf("%d\n", timestamp > 0);
	exit(0);
}
