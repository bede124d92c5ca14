/* commit() after trace() */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	trace(1);
	commit(s);
}
