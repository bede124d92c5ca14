/* %d of a char */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (char)-1);
	exit(0);
}
