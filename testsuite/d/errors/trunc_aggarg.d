/* trunc() of an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trunc(1);
}
