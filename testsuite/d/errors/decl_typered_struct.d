/* struct defined twice */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a; };
struct s { int b; };
BEGIN
{
	exit(0);
}
