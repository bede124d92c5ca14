/* several conversions in one format */
/* @@options: -q */
BEGIN
{
	printf("%d %s %x %c %u\n", 1, "two", 3, 52, 5);
	exit(0);
}
