/* octal constant with digit 9 */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 09;
}
