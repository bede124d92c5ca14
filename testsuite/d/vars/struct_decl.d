/* struct global */
/* @@options: -q */
struct pt {
	int x;
	int y;
};

struct pt p;

BEGIN
{
	p.x = 1;
	p.y = 2;
	printf("%d %d %d\n", p.x, p.y, sizeof (struct pt));
	exit(0);
}
