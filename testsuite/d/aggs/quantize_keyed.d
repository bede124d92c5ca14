/* quantize() with a string key */
/* @@options: -q */
BEGIN
{
	@q["k"] = quantize(4);
	@q["k"] = quantize(4);
	@q["k"] = quantize(7);
	exit(0);
}
