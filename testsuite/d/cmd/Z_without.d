/* @@options: -q */
/* @@status: 1 */
/* Without -Z a description matching no probe is an error. */
foo:::bar
{
	trace(1);
}

BEGIN
{
	exit(0);
}
