/* @@options: -q -b junk */
/* @@status: 1 */
BEGIN
{
	exit(0);
}
