/* stringof() of an integer */
/* @@options: -q */
BEGIN
{
	printf("%s\n", stringof(123));
	exit(0);
}
