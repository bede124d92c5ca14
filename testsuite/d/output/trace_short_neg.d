/* trace() reads 2-byte records unsigned (DTrace quirk) */ /* @@cpu-any */
BEGIN
{
	trace((short)-1);
	exit(0);
}
