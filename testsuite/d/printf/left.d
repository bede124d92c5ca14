/* - flag */
/* @@options: -q */
BEGIN
{
	printf("[%-5d]\n", 42);
	exit(0);
}
