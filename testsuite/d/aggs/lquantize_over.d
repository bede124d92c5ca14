/* lquantize() value at or above the limit */
/* @@options: -q */
BEGIN
{
	@l = lquantize(100, 0, 10, 1);
	exit(0);
}
