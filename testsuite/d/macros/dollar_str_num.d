/* $$1 of a number is a string */
/* @@options: -q */
/* @@args: 123 */
BEGIN
{
	printf("%s\n", $$1);
	exit(0);
}
