/* an associative array key of void type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	a[(void)0] = 1;
}
