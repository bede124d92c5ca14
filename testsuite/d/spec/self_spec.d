/* speculation id kept in a thread-local */
/* @@options: -q */
BEGIN
{
	self->s = speculation();
}

BEGIN
{
	speculate(self->s);
	trace(7);
}

BEGIN
{
	commit(self->s);
	exit(0);
}
