/* integer constant too large for 64 bits */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 123456789012345678901234567890;
}
