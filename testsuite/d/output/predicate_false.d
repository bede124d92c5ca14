/* predicate that is false: the clause does nothing */
/* @@options: -q */
BEGIN
/0/
{
	printf("no\n");
}

BEGIN
{
	exit(0);
}
