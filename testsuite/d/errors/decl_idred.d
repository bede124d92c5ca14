/* variable declared twice with different types */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int x;
long x;

BEGIN
{
	exit(0);
}
