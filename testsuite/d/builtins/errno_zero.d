/* errno is 0 in BEGIN */
/* @@options: -q */
BEGIN
{
	printf("%d\n", errno);
	exit(0);
}
