/* /= by constant zero */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 5;
	x /= 0;
}
