/* an associative array inside a struct */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a[int]; };
BEGIN
{
	exit(0);
}
