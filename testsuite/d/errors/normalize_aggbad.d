/* normalize() of an unknown aggregation */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	normalize(@nope, 2);
}
