/* scalar indexed with a tuple */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	y = x[0, 1];
}
