/* an associative array key of the wrong type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	a["x"] = 1;
	y = a[1];
}
