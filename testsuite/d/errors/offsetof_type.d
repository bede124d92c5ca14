/* offsetof() of an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = offsetof(int, a);
}
