/* operator with a missing operand */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1 +;
}
