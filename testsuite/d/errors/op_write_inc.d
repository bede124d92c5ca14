/* ++ of a built-in variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	epid++;
}
