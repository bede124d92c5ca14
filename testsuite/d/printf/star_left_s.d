/* - flag with * width */
/* @@options: -q */
BEGIN
{
	printf("[%-*s]\n", 5, "ab");
	exit(0);
}
