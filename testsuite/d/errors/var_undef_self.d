/* read of an unassigned thread-local */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(self->nope);
}
