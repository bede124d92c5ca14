/* a destructive action after speculate() */
/* @@options: -q -w -xerrtags */
/* @@status: 1 */
BEGIN
{
	speculate(1);
	stop();
}
