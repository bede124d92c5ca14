/* clear() of an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	clear(1);
}
