/* a clause with only exit() still prints its probe line */
BEGIN
{
	exit(0);
}
