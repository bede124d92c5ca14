/* unsigned char is promoted to int */
/* @@options: -q */
BEGIN
{
	x = (unsigned char)255;
	printf("%d\n", x + 1);
	exit(0);
}
