/* ?: of int and unsigned printed with %d */
/* @@options: -q */
BEGIN
{
	x = 1;
	printf("%d\n", x ? -1 : 1u);
	exit(0);
}
