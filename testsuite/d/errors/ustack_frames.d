/* ustack(0) */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	ustack(0);
}
