/* normalize() divides at print time */
/* @@options: -q */
BEGIN
{
	@s["a"] = sum(100);
	@s["b"] = sum(50);
}

BEGIN
{
	normalize(@s, 10);
	exit(0);
}
