/* args[] indexed by a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(args["a"]);
}
