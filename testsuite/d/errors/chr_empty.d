/* empty character constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = '';
}
