/* reference to a missing struct member */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s {
	int a;
};

struct s v;

BEGIN
{
	y = v.b;
}
