/* floating-point constant written as 2. */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 2.;
}
