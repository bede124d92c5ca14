/* #pragma D option with an unknown option */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#pragma D option nosuchoption

BEGIN
{
	exit(0);
}
