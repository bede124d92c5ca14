/* xlate<struct T>(e) as a whole struct value: a member of it, this->, self-> */
/* @@options: -q */
struct in { int a; int b; };
struct out { int sum; int diff; uint64_t big; char c; };
translator struct out < struct in *p > {
	sum = p->a + p->b;
	diff = p->a - p->b;
	big = p->a * 1000000000000;
};
BEGIN
{
	this->v = (struct in *)alloca(sizeof (struct in));
	this->v->a = 5; this->v->b = 3;
	printf("%d\n", xlate<struct out>(this->v).sum);
	this->o = xlate<struct out>(this->v);
	printf("%d %d %d %d\n", this->o.sum, this->o.diff, this->o.big, this->o.c);
	self->o = xlate<struct out>(this->v);
	printf("%d\n", self->o.diff);
	trace(sizeof (xlate<struct out>(this->v)));
	exit(0);
}
