/* stringof() of a struct */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s {
	int a;
};

struct s v;

BEGIN
{
	x = stringof(v);
}
