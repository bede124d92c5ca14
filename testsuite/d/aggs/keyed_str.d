/* string keys sorted by value */
/* @@options: -q */
BEGIN
{
	@c["b"] = count();
	@c["a"] = count();
	@c["b"] = count();
	exit(0);
}
