/* tracemem() dynamic size that is a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	tracemem(0, 8, "4");
}
