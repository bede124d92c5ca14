/* printa() with a format and no aggregation */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printa("%d");
}
