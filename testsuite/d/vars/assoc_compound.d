/* compound assignment on an element */
/* @@options: -q */
BEGIN
{
	a["s"] = 10;
	a["s"] += 5;
	a["s"] *= 2;
	printf("%d\n", a["s"]);
	exit(0);
}
