/* offsetof() a bit-field member */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a : 3; int b; };
BEGIN
{
	x = offsetof(struct s, a);
}
