/* llquantize() value below factor^low */
/* @@options: -q */
BEGIN
{
	@ll = llquantize(0, 10, 1, 3, 10);
	exit(0);
}
