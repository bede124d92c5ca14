/* discard() drops the speculative data */
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
	discard(s);
	exit(0);
}
