/* declared thread-local */
/* @@options: -q */
self int t;

BEGIN
{
	self->t = 2;
	printf("%d\n", self->t);
	exit(0);
}
