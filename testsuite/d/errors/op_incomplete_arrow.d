/* -> through a pointer to an incomplete struct */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct nosuch *p;
BEGIN
{
	x = p->m;
}
