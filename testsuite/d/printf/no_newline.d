/* printf without a newline */
/* @@options: -q */
BEGIN
{
	printf("a");
	exit(0);
}
