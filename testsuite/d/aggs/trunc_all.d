/* trunc() removes every entry */
/* @@options: -q */
BEGIN
{
	@c["a"] = count();
	@c["b"] = count();
}

BEGIN
{
	trunc(@c);
	@d = count();
	exit(0);
}
