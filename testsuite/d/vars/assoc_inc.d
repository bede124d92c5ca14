/* ++ on an associative array element */
/* @@options: -q */
BEGIN
{
	a["k"]++;
	a["k"]++;
	printf("%d\n", a["k"]);
	exit(0);
}
