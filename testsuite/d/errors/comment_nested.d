/* comment inside a comment */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	/* a /* b */
	exit(0);
}
