/* signed and unsigned together */
/* @@options: -q -xerrtags */
/* @@status: 1 */
signed unsigned int x;
BEGIN
{
	exit(0);
}
