/* denormalize() undoes normalize() */
/* @@options: -q */
BEGIN
{
	@s = sum(100);
}

BEGIN
{
	normalize(@s, 10);
}

BEGIN
{
	denormalize(@s);
	exit(0);
}
