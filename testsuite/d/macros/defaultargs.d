/* defaultargs: missing arguments are 0 and empty */
/* @@options: -q -x defaultargs */
BEGIN
{
	printf("%d [%s]\n", $1, $$2);
	exit(0);
}
