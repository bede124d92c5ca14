/* trace() of a 64-bit value prints %16lld */ /* @@cpu-any */
BEGIN
{
	trace(1LL);
	exit(0);
}
