/* comparing a string with an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = "a" == 1;
}
