/* count() three times */
/* @@options: -q */
BEGIN
{
	@c = count();
	@c = count();
	@c = count();
	exit(0);
}
