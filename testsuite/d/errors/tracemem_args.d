/* tracemem() with one argument */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	tracemem(0);
}
