/* printa() of avg() prints the average */
/* @@options: -q */
BEGIN
{
	@a["x"] = avg(3);
	@a["x"] = avg(6);
	printa("%s %@d\n", @a);
	exit(0);
}
