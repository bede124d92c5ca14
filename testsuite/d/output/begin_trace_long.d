/* trace() of a 64-bit value prints %16lld */
BEGIN
{
	trace(1LL);
	exit(0);
}
