/* ?: with an int and a string arm */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	y = 1;
	x = y ? 1 : "a";
}
