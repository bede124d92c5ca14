/* trace() of a string: two spaces then left-justified in 33 columns */ /* @@cpu-any */
BEGIN
{
	trace("hello");
	exit(0);
}
