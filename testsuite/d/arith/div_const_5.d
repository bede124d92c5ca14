/* constant-folded division and modulo: -100 / 7 */
/* @@options: -q */
BEGIN
{
	printf("%d %d\n", (-100) / (7), (-100) % (7));
	exit(0);
}
