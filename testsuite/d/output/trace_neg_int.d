/* trace() of a negative int */ /* @@cpu-any */
BEGIN
{
	trace(-1);
	exit(0);
}
