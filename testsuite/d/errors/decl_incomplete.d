/* a member of incomplete struct type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { struct nosuch m; };
BEGIN
{
	exit(0);
}
