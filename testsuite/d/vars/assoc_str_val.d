/* string values */
/* @@options: -q */
BEGIN
{
	a[1] = "one";
	printf("%s\n", a[1]);
	exit(0);
}
