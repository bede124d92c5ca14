/* trace() of a negative 64-bit value */
BEGIN
{
	trace(-5LL);
	exit(0);
}
