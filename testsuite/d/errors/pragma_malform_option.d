/* #pragma D option without an option */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D option
BEGIN
{
	exit(0);
}
