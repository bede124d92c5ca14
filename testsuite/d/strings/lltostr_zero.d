/* lltostr(0) */
/* @@options: -q */
BEGIN
{
	printf("%s\n", lltostr(0));
	exit(0);
}
