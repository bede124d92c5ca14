/* max() */
/* @@options: -q */
BEGIN
{
	@m = max(5);
	@m = max(-3);
	@m = max(9);
	exit(0);
}
