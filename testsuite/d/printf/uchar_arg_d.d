/* %d of an unsigned char */
/* @@options: -q */
BEGIN
{
	printf("%d\n", (unsigned char)200);
	exit(0);
}
