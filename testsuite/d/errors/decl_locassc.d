/* this-> associative array declaration */
/* @@options: -q -xerrtags */
/* @@status: 1 */
this int a[int];

BEGIN
{
	exit(0);
}
