/* a probe description with five fields */
/* @@options: -q -xerrtags */
/* @@status: 1 */
a:b:c:d:BEGIN
{
	exit(0);
}
