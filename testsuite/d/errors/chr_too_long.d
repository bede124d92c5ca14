/* character constant longer than 8 bytes */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 'abcdefghi';
}
