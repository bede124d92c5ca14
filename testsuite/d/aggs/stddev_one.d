/* stddev() of one value */
/* @@options: -q */
BEGIN
{
	@d = stddev(10);
	exit(0);
}
