/* llquantize() 20 steps per magnitude */
/* @@options: -q */
BEGIN
{
	@ll = llquantize(15, 10, 0, 2, 20);
	@ll = llquantize(25, 10, 0, 2, 20);
	@ll = llquantize(250, 10, 0, 2, 20);
	exit(0);
}
