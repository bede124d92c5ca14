/* trace() reads 1-byte records unsigned (DTrace quirk) */ /* @@cpu-any */
BEGIN
{
	trace((char)-1);
	exit(0);
}
