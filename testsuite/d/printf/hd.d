/* %hd truncates to short */
/* @@options: -q */
BEGIN
{
	printf("%hd\n", 65537);
	exit(0);
}
