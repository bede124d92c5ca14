/* the last statement needs no semicolon */
/* @@options: -q */
BEGIN
{
	printf("x\n");
	exit(0)
}
