/* xlate without a translator */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct in {
	int a;
};

struct out {
	int b;
};

struct in v;

BEGIN
{
	x = xlate <struct out> (v);
}
