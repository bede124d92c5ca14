/* empty clauses still record the probe firing */ /* @@cpu-any */
BEGIN
{
}

BEGIN
{
}

BEGIN
{
	exit(0);
}
