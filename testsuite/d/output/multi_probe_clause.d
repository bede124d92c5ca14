/* one clause, two probe descriptions */
/* @@options: -q */
BEGIN, END
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
