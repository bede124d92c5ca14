/* two speculate() calls in one clause */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	speculate(s);
}
