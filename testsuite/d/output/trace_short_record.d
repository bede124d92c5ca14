/* trace() of a 2-byte value prints %5d */
BEGIN
{
	trace((short)300);
	exit(0);
}
