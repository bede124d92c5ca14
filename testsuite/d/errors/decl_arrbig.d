/* an array dimension past 2^31 bytes */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int a[0x7fffffff];
BEGIN
{
	exit(0);
}
