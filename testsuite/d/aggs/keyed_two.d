/* two keys */
/* @@options: -q */
BEGIN
{
	@c["x", 1] = count();
	@c["x", 2] = count();
	@c["x", 2] = count();
	exit(0);
}
