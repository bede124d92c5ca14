/* lquantize() with a key */
/* @@options: -q */
BEGIN
{
	@l["a"] = lquantize(3, 0, 4, 1);
	exit(0);
}
