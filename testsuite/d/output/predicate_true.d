/* predicate that is true */
/* @@options: -q */
BEGIN
/1/
{
	printf("yes\n");
}

BEGIN
{
	exit(0);
}
