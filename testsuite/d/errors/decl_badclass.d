/* static storage class */
/* @@options: -q -xerrtags */
/* @@status: 1 */
static int x;

BEGIN
{
	exit(0);
}
