/* enabled probe ids count clauses */
/* @@options: -q */
BEGIN
{
	printf("%d\n", epid);
}

BEGIN
{
	printf("%d\n", epid);
	exit(0);
}
