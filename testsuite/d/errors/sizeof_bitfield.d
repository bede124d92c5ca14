/* sizeof a bit-field member */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a : 3; int b; };
struct s v;
BEGIN
{
	x = sizeof (v.a);
}
