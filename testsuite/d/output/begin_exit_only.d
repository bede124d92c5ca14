/* a clause with only exit() still prints its probe line */ /* @@cpu-any */
BEGIN
{
	exit(0);
}
