/* strlen() of the empty string */
/* @@options: -q */
BEGIN
{
	printf("%d\n", strlen(""));
	exit(0);
}
