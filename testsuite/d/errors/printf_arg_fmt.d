/* printf() with a non-constant format */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	printf(x);
}
