/* a translator member of incompatible type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct in { int a; };
struct out { int b; };
translator struct out < struct in *p > { b = "str"; };
struct in *v;
BEGIN
{
	x = xlate <struct out *> (v)->b;
}
