/* trace() reads 2-byte records unsigned (DTrace quirk) */
BEGIN
{
	trace((short)-1);
	exit(0);
}
