/* lquantize() without a step uses 1 */
/* @@options: -q */
BEGIN
{
	@l = lquantize(2, 0, 5);
	@l = lquantize(2, 0, 5);
	exit(0);
}
