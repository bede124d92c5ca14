/* declaration that reuses a built-in name */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int timestamp;

BEGIN
{
	exit(0);
}
