/* call of a variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	timestamp(2);
}
