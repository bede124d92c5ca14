/* lltostr() of a negative value */
/* @@options: -q */
BEGIN
{
	printf("%s\n", lltostr(-42));
	exit(0);
}
