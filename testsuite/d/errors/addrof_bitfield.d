/* & of a bit-field member */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s { int a : 3; int b; };
struct s x;
BEGIN
{
	p = &x.a;
}
