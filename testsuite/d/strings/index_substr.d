/* index() of a multi-character string */
/* @@options: -q */
BEGIN
{
	printf("%d\n", index("abcabc", "ca"));
	exit(0);
}
