/* $1 without arguments */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = $1;
}
