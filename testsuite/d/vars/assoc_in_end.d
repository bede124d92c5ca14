/* associative array read in END */
/* @@options: -q */
BEGIN
{
	a["x"] = 4;
	exit(0);
}

END
{
	printf("%d\n", a["x"]);
}
