/* trunc(@, 2) keeps the two largest */
/* @@options: -q */
BEGIN
{
	@s["a"] = sum(1);
	@s["b"] = sum(3);
	@s["c"] = sum(2);
}

BEGIN
{
	trunc(@s, 2);
	exit(0);
}
