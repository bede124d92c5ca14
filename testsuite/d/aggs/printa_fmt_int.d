/* printa() format with an int key */
/* @@options: -q */
BEGIN
{
	@s[5] = sum(50);
	printa("%d -> %@d\n", @s);
	exit(0);
}
