/* BEGIN runs in the dtrace process */
/* @@options: -q */
BEGIN
{
	printf("%s\n", execname);
	exit(0);
}
