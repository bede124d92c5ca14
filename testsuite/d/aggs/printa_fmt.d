/* printa() with a format */
/* @@options: -q */
BEGIN
{
	@c["k"] = count();
	@c["j"] = count();
	@c["j"] = count();
	printa("%s=%@d\n", @c);
	exit(0);
}
