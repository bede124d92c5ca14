/* operator expression: 0xff ^ 0x0f */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 0xff ^ 0x0f);
	exit(0);
}
