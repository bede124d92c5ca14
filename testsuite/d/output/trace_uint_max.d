/* trace() prints 4-byte records with %d, so UINT_MAX shows -1 */ /* @@cpu-any */
BEGIN
{
	trace((unsigned int)0xffffffff);
	exit(0);
}
