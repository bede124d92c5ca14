/* unary minus of a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = -"a";
}
