/* call of an unknown function */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	nosuchfunc(1);
}
