/* printa() honours normalize() */
/* @@options: -q */
BEGIN
{
	@s = sum(60);
}

BEGIN
{
	normalize(@s, 3);
	printa("%@d\n", @s);
	exit(0);
}
