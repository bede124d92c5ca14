/* lltostr() with a base: 0x for hex, 0 for octal, two's complement */
/* @@options: -q */
BEGIN
{
	printf("%s %s %s %s\n", lltostr(255, 16), lltostr(8, 8),
	    lltostr(5, 2), lltostr(35, 36));
	printf("%s %s %s %s\n", lltostr(0, 16), lltostr(0, 8), lltostr(0, 2),
	    lltostr(-1, 16));
	printf("%s %s\n", lltostr(-42, 10), lltostr(-9223372036854775807 - 1, 10));
	exit(0);
}
