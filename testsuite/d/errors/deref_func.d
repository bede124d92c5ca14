/* * of a pointer to function */
/* @@options: -q -xerrtags */
/* @@status: 1 */
typedef int f_t(void);
f_t *fp;
BEGIN
{
	x = *fp;
}
