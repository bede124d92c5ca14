/* empty clauses still record the probe firing */
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
