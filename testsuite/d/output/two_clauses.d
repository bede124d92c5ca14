/* two BEGIN clauses: matched 2 probes, one line each */ /* @@cpu-any */
BEGIN
{
	trace(1);
}

BEGIN
{
	trace(2);
	exit(0);
}
