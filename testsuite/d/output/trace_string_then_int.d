/* string record padded before the next record */ /* @@cpu-any */
BEGIN
{
	trace("ab");
	trace(3);
	exit(0);
}
