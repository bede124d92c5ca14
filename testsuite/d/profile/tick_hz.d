/* tick-100hz */
/* @@options: -q */
tick-100hz
/++n == 2/
{
	printf("two\n");
	exit(0);
}
