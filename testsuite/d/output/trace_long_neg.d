/* trace() of a negative 64-bit value */ /* @@cpu-any */
BEGIN
{
	trace(-5LL);
	exit(0);
}
