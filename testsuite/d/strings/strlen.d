/* strlen() of a constant */
/* @@options: -q */
BEGIN
{
	printf("%d\n", strlen("hello"));
	exit(0);
}
