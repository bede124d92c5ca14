/* assigning the result of a void function */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	x = copyoutstr("a", 0, 1);
}
