/* clear() zeroes the values, keeps the keys */
/* @@options: -q */
BEGIN
{
	@c["a"] = count();
	@c["b"] = count();
}

BEGIN
{
	clear(@c);
	exit(0);
}
