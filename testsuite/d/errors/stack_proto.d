/* stack() with two arguments */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	stack(1, 2);
}
