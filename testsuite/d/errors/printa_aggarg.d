/* printa() of an int */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printa(1);
}
