/* declared associative array */
/* @@options: -q */
int a[string];

BEGIN
{
	a["q"] = 11;
	printf("%d\n", a["q"]);
	exit(0);
}
