/* equal values sorted by key */
/* @@options: -q */
BEGIN
{
	@c["c"] = count();
	@c["a"] = count();
	@c["b"] = count();
	exit(0);
}
