/* tuple keys */
/* @@options: -q */
BEGIN
{
	a[1, "b"] = 7;
	a[2, "b"] = 8;
	printf("%d %d\n", a[1, "b"], a[2, "b"]);
	exit(0);
}
