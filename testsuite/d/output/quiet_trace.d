/* -q: trace() prints values without padding */
/* @@options: -q */
BEGIN
{
	trace(42);
	trace("x");
	exit(0);
}
