/* cast of an int to a struct */
/* @@options: -q -xerrtags */
/* @@status: 1 */
struct s {
	int a;
};

BEGIN
{
	x = (struct s)1;
}
