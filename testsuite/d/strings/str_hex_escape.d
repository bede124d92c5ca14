/* \x escapes */
/* @@options: -q */
BEGIN
{
	printf("\x41\x42\n");
	exit(0);
}
