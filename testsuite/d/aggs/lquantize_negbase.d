/* lquantize() with a negative base */
/* @@options: -q */
BEGIN
{
	@l = lquantize(-10, -10, 10, 5);
	@l = lquantize(-3, -10, 10, 5);
	@l = lquantize(0, -10, 10, 5);
	@l = lquantize(4, -10, 10, 5);
	exit(0);
}
