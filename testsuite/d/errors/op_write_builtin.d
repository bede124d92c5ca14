/* assignment to a built-in variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	timestamp = 1;
}
