/* reading a missing key gives 0 */
/* @@options: -q */
BEGIN
{
	a["x"] = 1;
	printf("%d\n", a["nope"]);
	exit(0);
}
