/* print() of a void expression */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	print((void)0);
}
