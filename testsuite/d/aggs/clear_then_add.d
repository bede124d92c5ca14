/* counting again after clear() */
/* @@options: -q */
BEGIN
{
	@c["a"] = count();
}

BEGIN
{
	clear(@c);
}

END
{
	@c["a"] = count();
}

BEGIN
{
	exit(0);
}
