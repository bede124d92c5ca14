/* assigning a string to an int variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = 1;
	x = "s";
}
