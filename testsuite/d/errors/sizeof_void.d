/* sizeof (void) */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = sizeof (void);
}
