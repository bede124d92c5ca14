/* += on a string */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = "a";
	s += 1;
}
