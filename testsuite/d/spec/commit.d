/* speculative printf shows after commit() */
/* @@options: -q */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("spec\n");
}

BEGIN
{
	commit(s);
	exit(0);
}
