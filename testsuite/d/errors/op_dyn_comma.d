/* aggregation in a comma expression */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = count();
	x = (@a, 1);
}
