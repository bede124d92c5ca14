/* printa() format of a keyless aggregation */
/* @@options: -q */
BEGIN
{
	@t = sum(9);
	printa("total %@d\n", @t);
	exit(0);
}
