/* speculate() after commit() */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	commit(s);
	speculate(s);
}
