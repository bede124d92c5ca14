/* avg() of negative values truncates toward zero */
/* @@options: -q */
BEGIN
{
	@a = avg(-1);
	@a = avg(-2);
	@a = avg(-4);
	exit(0);
}
