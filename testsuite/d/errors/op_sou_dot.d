/* . on an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	y = x.a;
}
