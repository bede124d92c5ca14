/* committed data appears when commit() runs */
/* @@options: -q */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("one\n");
}

BEGIN
{
	printf("two\n");
}

BEGIN
{
	commit(s);
}

BEGIN
{
	exit(0);
}
