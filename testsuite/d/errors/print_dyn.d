/* print() of an aggregation */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	print(@a);
}
