/* %x of a negative int */
/* @@options: -q */
BEGIN
{
	printf("%x\n", -1);
	exit(0);
}
