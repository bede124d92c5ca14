/* strlen() of a variable */
/* @@options: -q */
BEGIN
{
	s = "abcdef";
	printf("%d\n", strlen(s));
	exit(0);
}
