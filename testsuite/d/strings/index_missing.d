/* index() without a match */
/* @@options: -q */
BEGIN
{
	printf("%d\n", index("hello", "z"));
	exit(0);
}
