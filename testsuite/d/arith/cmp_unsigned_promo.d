/* int compared with unsigned int is unsigned */
/* @@options: -q */
BEGIN
{
	printf("%d\n", -1 < 1u);
	exit(0);
}
