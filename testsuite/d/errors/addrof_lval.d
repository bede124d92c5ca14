/* & of a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	y = &1;
}
