/* two printf calls in one clause */
/* @@options: -q */
BEGIN
{
	printf("a");
	printf("b\n");
	exit(0);
}
