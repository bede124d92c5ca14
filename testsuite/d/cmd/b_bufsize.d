/* @@options: -q -b 64k */
BEGIN
{
	printf("ok\n");
	exit(0);
}
