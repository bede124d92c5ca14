/* a predicate of string type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
/execname/
{
	exit(0);
}
