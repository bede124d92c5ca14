/* sizeof of the integer types (LP64) */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d %d %d\n", sizeof (char), sizeof (short), sizeof (int), sizeof (long), sizeof (long long));
	exit(0);
}
