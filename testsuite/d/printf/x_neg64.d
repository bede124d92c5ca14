/* %x of a negative long long */
/* @@options: -q */
BEGIN
{
	printf("%x\n", -1LL);
	exit(0);
}
