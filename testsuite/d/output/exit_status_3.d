/* the exit status is the value given to exit() */
/* @@options: -q */
/* @@status: 3 */
BEGIN
{
	exit(3);
}
