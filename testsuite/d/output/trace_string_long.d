/* trace() of a string longer than its 33-column field */ /* @@cpu-any */
BEGIN
{
	trace("0123456789012345678901234567890123456789");
	exit(0);
}
