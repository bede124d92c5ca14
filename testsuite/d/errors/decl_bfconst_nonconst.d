/* a bit-field width that is not a constant */
/* @@options: -q -xerrtags */
/* @@status: 1 */
int w;
struct s { int c : w; };
BEGIN
{
	exit(0);
}
