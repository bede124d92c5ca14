/* two storage classes in one declaration */
/* @@options: -q -xerrtags */
/* @@status: 1 */
self this int x;
BEGIN
{
	exit(0);
}
