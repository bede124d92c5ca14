/* aggregation assigned a plain value */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	@a = 1;
}
