/* assigning a void expression */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = (void)0;
}
