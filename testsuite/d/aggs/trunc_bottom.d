/* trunc(@, -1) keeps the smallest */
/* @@options: -q */
BEGIN
{
	@s["a"] = sum(1);
	@s["b"] = sum(3);
	@s["c"] = sum(2);
}

BEGIN
{
	trunc(@s, -1);
	exit(0);
}
