/* #pragma D error */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D error "stop here"

BEGIN
{
	exit(0);
}
