/* unary * on a void pointer */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	y = *(void *)0;
}
