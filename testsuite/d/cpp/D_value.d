/* -DVAL=7 */
/* @@options: -q -C -DVAL=7 */
BEGIN
{
	printf("%d\n", VAL);
	exit(0);
}
