/* floating-point constant written as 1e5 */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1e5;
}
