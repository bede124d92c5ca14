/* trace() reads 1-byte records unsigned (DTrace quirk) */
BEGIN
{
	trace((char)-1);
	exit(0);
}
