/* read of an unassigned clause-local */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(this->nope);
}
