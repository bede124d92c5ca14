/* lltostr() */
/* @@options: -q */
BEGIN
{
	printf("%s\n", lltostr(12345));
	exit(0);
}
