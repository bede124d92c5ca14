/* octal constant */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 0777);
	exit(0);
}
