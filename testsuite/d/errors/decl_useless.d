/* declaration without a name */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int;

BEGIN
{
	exit(0);
}
