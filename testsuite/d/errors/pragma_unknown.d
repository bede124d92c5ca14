/* unknown #pragma D directive */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D nosuchpragma

BEGIN
{
	exit(0);
}
