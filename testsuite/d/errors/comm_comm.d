/* two commit() calls in one clause */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	commit(s);
	commit(s);
}
