/* one aggregation given two different functions */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	@a = sum(1);
}
