/* @@options: -q -Z */
/* -Z: a description that matches no probe is allowed. */
foo:::bar
{
	trace(1);
}

BEGIN
{
	printf("begin\n");
	exit(0);
}
