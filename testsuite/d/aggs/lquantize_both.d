/* lquantize() underflow and overflow together */
/* @@options: -q */
BEGIN
{
	@l = lquantize(-1, 0, 10, 2);
	@l = lquantize(3, 0, 10, 2);
	@l = lquantize(20, 0, 10, 2);
	exit(0);
}
