/* two aggregations printed at exit */
/* @@options: -q */
BEGIN
{
	@a = count();
	@b = sum(5);
	exit(0);
}
