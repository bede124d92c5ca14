/* $1 in a predicate */
/* @@options: -q */
/* @@args: 2 */
BEGIN
/$1 == 2/
{
	printf("two\n");
}

BEGIN
{
	exit(0);
}
