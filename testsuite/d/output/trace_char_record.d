/* trace() of a 1-byte value prints %3d */ /* @@cpu-any */
BEGIN
{
	trace((char)65);
	exit(0);
}
