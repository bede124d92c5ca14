/* %c */
/* @@options: -q */
BEGIN
{
	printf("%c%c\n", 65, 0x62);
	exit(0);
}
