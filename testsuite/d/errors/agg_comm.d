/* commit() after an aggregation in the same clause */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	commit(s);
	@a = count();
}
