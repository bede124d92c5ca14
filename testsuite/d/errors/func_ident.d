/* calling something that is not a function name */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = (1)(2);
}
