/* right shift of unsigned is logical */
/* @@options: -q */
BEGIN
{
	x = 0xfffffff0u;
	printf("%x\n", x >> 4);
	exit(0);
}
