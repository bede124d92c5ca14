/* floating-point constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1.5;
}
