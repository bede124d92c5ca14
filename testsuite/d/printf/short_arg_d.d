/* %d of a short */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (short)-300);
	exit(0);
}
