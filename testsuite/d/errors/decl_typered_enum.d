/* enum defined twice */
/* @@options: -q -xerrtags */
/* @@status: 1 */
enum e { A };
enum e { B };
BEGIN
{
	exit(0);
}
