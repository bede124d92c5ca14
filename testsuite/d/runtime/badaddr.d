/* load from a bad address */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	trace(*(int *)8);
}

BEGIN
{
	exit(0);
}
