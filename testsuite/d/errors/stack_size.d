/* stack(0) */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	stack(0);
}
