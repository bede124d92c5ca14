/* #pragma D depends_on without a name */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D depends_on provider
BEGIN
{
	exit(0);
}
