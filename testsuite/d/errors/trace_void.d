/* trace() of a void expression */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace((void)1);
}
