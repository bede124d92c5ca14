/* escape sequences in a string constant */
/* @@options: -q */
BEGIN
{
	printf("a\tb\\c\"d\101\n");
	exit(0);
}
