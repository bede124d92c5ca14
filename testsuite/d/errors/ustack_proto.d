/* ustack() with three arguments */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	ustack(1, 2, 3);
}
