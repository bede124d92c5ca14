/* normalize() of an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	normalize(1, 2);
}
