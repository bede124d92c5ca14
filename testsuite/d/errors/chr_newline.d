/* character constant runs into a newline */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 'a;
}
