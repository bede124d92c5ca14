/* lquantize() value below the base */
/* @@options: -q */
BEGIN
{
	@l = lquantize(-5, 0, 10, 1);
	exit(0);
}
