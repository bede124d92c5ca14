/* stores to bit-fields keep the other fields and cut the value to width */
/* @@options: -q */
struct bf {
	unsigned int lo:3;
	unsigned int mid:5;
	unsigned int hi:8;
	int s:4;
};
self struct bf s;
struct bf g;

BEGIN
{
	self->s.lo = 3;
	self->s.mid = 17;
	self->s.hi = 200;
	self->s.lo = 9;
	self->s.s = -3;
	printf("%d %d %d %d\n", self->s.lo, self->s.mid, self->s.hi, self->s.s);
	g.mid = 31;
	g.hi = 1;
	g.mid += 2;
	g.lo++;
	g.hi = 0x1ff;
	printf("%d %d %d %d\n", g.lo, g.mid, g.hi, g.s);
	this->p = (struct bf *)alloca(sizeof (struct bf));
	this->p->hi = 7;
	this->p->s = 5;
	printf("%d %d\n", this->p->hi, this->p->s);
	exit(0);
}
