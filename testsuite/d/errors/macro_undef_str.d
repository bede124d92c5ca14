/* $$2 with only one argument */
/* @@options: -q -xerrtags */
/* @@args: a */
/* @@status: 1 */
BEGIN
{
	x = $$2;
}
