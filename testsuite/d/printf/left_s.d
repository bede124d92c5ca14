/* - flag with %s */
/* @@options: -q */
BEGIN
{
	printf("[%-8s]\n", "abc");
	exit(0);
}
