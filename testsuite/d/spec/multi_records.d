/* several clauses speculate into one buffer */
/* @@options: -q */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("a");
	printf("b\n");
}

BEGIN
{
	speculate(s);
	printf("c\n");
}

BEGIN
{
	commit(s);
	exit(0);
}
