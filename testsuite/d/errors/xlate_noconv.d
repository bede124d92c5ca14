/* xlate of a member the translator does not define */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct in { int a; };
struct out { int b; int c; };
translator struct out < struct in *p > { b = p->a; };
struct in *v;
BEGIN
{
	x = xlate <struct out *> (v)->c;
}
