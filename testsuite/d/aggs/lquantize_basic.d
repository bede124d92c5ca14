/* lquantize() step 1 */
/* @@options: -q */
BEGIN
{
	@l = lquantize(0, 0, 10, 1);
	@l = lquantize(1, 0, 10, 1);
	@l = lquantize(1, 0, 10, 1);
	@l = lquantize(5, 0, 10, 1);
	exit(0);
}
