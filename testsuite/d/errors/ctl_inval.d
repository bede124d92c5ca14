/* unknown # control line */
/* @@options: -q -xerrtags */
/* @@status: 1 */
#nosuchdirective

BEGIN
{
	exit(0);
}
