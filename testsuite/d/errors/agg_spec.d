/* aggregation after speculate() */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	@a = count();
}
