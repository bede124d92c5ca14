/* an array dimension above UINT_MAX */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int a[0x100000000];
BEGIN
{
	exit(0);
}
