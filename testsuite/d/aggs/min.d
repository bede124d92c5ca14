/* min() */
/* @@options: -q */
BEGIN
{
	@m = min(5);
	@m = min(-3);
	@m = min(9);
	exit(0);
}
