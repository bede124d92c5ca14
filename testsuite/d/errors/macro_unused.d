/* a macro argument given but never referenced */
/* @@options: -q -xerrtags */
/* @@args: 1 2 */
/* @@status: 1 */
BEGIN
{
	trace($1);
	exit(0);
}
