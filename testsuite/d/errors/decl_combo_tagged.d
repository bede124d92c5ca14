/* a struct type combined with int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a; };
struct s int x;
BEGIN
{
	exit(0);
}
