/* index() finds the first match */
/* @@options: -q */
BEGIN
{
	printf("%d\n", index("hello", "l"));
	exit(0);
}
