/* an enumerator value that is not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int v;
enum e { A = v };
BEGIN
{
	exit(0);
}
