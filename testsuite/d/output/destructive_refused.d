/* system() is destructive: refused without -w */
/* @@options: -q */
/* @@status: 1 */
BEGIN
{
	system("echo never");
	exit(0);
}
