/* strings from ?: */
/* @@options: -q */
BEGIN
{
	x = 0;
	printf("%s\n", x ? "yes" : "no");
	exit(0);
}
