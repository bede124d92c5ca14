/* associative array shared by clauses */
/* @@options: -q */
BEGIN
{
	a["x"] = 4;
}

BEGIN
{
	printf("%d\n", a["x"]);
	exit(0);
}
