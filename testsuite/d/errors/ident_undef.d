/* read of an unknown identifier */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(nosuchvar);
}
