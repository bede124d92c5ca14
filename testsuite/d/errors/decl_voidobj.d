/* declaration of a void variable */
/* @@options: -q -xerrtags */
/* @@status: 1 */
void x;

BEGIN
{
	exit(0);
}
