/* aggregation used as a 2-D array */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a[1][2] = count();
}
