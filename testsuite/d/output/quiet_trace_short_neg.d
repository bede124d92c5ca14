/* -q trace of 2-byte negative reads unsigned */
/* @@options: -q */
BEGIN
{
	trace((short)-2);
	exit(0);
}
