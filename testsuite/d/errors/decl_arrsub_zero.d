/* an array dimension of zero */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int a[0];
BEGIN
{
	exit(0);
}
