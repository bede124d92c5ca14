/* a bit-field wider than its type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { char c : 9; };
BEGIN
{
	exit(0);
}
