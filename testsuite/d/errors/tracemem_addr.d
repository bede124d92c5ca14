/* tracemem() of a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	tracemem("abc", 4);
}
