/* width with %c */
/* @@options: -q */
BEGIN
{
	printf("[%3c]\n", 65);
	exit(0);
}
