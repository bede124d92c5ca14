/* ustack() string size that is negative */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	ustack(5, -1);
}
