/* format without conversions */
/* @@options: -q */
BEGIN
{
	printf("plain text\n");
	exit(0);
}
