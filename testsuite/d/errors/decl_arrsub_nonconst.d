/* an array dimension that is not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int n;
int a[n];
BEGIN
{
	exit(0);
}
