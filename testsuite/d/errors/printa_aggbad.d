/* printa() of an unknown aggregation */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printa(@nope);
}
