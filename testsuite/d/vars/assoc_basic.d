/* associative array with string keys */
/* @@options: -q */
BEGIN
{
	a["x"] = 1;
	a["y"] = 2;
	printf("%d %d\n", a["x"], a["y"]);
	exit(0);
}
