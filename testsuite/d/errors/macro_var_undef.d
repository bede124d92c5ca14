/* unknown macro variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = $nosuch;
}
