/* a translator member the output type lacks */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct in { int a; };
struct out { int b; };
translator struct out < struct in *p > { c = p->a; };
BEGIN
{
	exit(0);
}
