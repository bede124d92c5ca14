/* commit() after speculate() in the same clause */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	speculate(1);
	commit(1);
}
