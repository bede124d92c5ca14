/* pid in BEGIN is the consumer's $pid */
/* @@options: -q */
BEGIN
{
	printf("%d\n", pid == $pid);
	exit(0);
}
