/* a second translator between the same types */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct in { int a; };
struct out { int b; };
translator struct out < struct in *p > { b = p->a; };
translator struct out < struct in *q > { b = q->a + 1; };
BEGIN
{
	exit(0);
}
