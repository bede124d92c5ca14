/* records in clause order, END last */
/* @@options: -q */
BEGIN
{
	printf("a\n");
}

BEGIN
{
	printf("b\n");
	exit(0);
}

END
{
	printf("c\n");
}
