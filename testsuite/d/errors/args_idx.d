/* args[] index beyond 9 */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(args[10]);
}
