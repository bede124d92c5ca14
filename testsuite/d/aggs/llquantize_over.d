/* llquantize() value above the high magnitude */
/* @@options: -q */
BEGIN
{
	@ll = llquantize(123456, 10, 0, 2, 10);
	exit(0);
}
