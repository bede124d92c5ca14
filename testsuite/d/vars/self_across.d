/* thread-local kept across clauses of the same thread */
/* @@options: -q */
BEGIN
{
	self->v = 9;
}

BEGIN
{
	printf("%d\n", self->v);
	exit(0);
}
