/* #pragma D without a directive */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D
BEGIN
{
	exit(0);
}
