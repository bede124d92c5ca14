/* operator expression: (3 > 2) + (2 >= 2) + (1 <= 0) + (5 != 5) */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (3 > 2) + (2 >= 2) + (1 <= 0) + (5 != 5));
	exit(0);
}
