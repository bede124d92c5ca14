/* an expression nested deeper than the DIF registers allow */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	y = 1;
	x = y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y + (y))))))))))))))));
}
