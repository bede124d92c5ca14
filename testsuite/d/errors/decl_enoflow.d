/* an enumerator past INT32_MAX */
/* @@options: -q -xerrtags */
/* @@status: 1 */
enum e { A = 0x7fffffff, B };
BEGIN
{
	exit(0);
}
