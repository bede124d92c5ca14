/* @@options: -q -x nosuchoption */
/* @@status: 1 */
BEGIN
{
	exit(0);
}
