/* printa() prints now and the aggregation is not printed again */
/* @@options: -q */
BEGIN
{
	@c["k"] = count();
	printa(@c);
	exit(0);
}
