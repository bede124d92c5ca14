/* lquantize() step 10 */
/* @@options: -q */
BEGIN
{
	@l = lquantize(3, 0, 50, 10);
	@l = lquantize(15, 0, 50, 10);
	@l = lquantize(15, 0, 50, 10);
	@l = lquantize(47, 0, 50, 10);
	exit(0);
}
