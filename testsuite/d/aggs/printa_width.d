/* printa() conversions with widths */
/* @@options: -q */
BEGIN
{
	@c["ab"] = count();
	printa("[%-4s|%4@d]\n", @c);
	exit(0);
}
