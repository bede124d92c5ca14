/* a function name used as a variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = strlen;
}
