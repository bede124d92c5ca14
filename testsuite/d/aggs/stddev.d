/* stddev() of 2 4 4 4 5 5 7 9 */
/* @@options: -q */
BEGIN
{
	@d = stddev(2);
	@d = stddev(4);
	@d = stddev(4);
	@d = stddev(4);
	@d = stddev(5);
	@d = stddev(5);
	@d = stddev(7);
	@d = stddev(9);
	exit(0);
}
