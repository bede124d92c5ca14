/* tracemem() with a variable size */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	tracemem(0, x);
}
