/* trace() prints 4-byte records with %d, so UINT_MAX shows -1 */
BEGIN
{
	trace((unsigned int)0xffffffff);
	exit(0);
}
