/* non-speculative data after discard() */
/* @@options: -q */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("no\n");
}

BEGIN
{
	discard(s);
	printf("yes\n");
	exit(0);
}
