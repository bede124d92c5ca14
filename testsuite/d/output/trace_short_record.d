/* trace() of a 2-byte value prints %5d */ /* @@cpu-any */
BEGIN
{
	trace((short)300);
	exit(0);
}
