/* llquantize() factor 2 with 4 steps */
/* @@options: -q */
BEGIN
{
	@ll = llquantize(1, 2, 0, 4, 4);
	@ll = llquantize(3, 2, 0, 4, 4);
	@ll = llquantize(6, 2, 0, 4, 4);
	@ll = llquantize(13, 2, 0, 4, 4);
	exit(0);
}
