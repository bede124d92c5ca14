foo:::bar
{
	trace(1);
}

BEGIN
{
	exit(0);
}
