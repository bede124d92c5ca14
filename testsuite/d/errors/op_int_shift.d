/* shift by a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1 << "a";
}
