/* assignment to a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	1 = 2;
}
