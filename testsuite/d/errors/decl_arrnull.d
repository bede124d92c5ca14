/* array declared without a size */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int a[];

BEGIN
{
	exit(0);
}
