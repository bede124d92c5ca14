/* two trace() records on one line */ /* @@cpu-any */
BEGIN
{
	trace(1);
	trace(2);
	exit(0);
}
