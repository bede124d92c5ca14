/* epid of the second clause */
/* @@options: -q */
BEGIN
{
	exit(0);
}

END
{
	printf("%d\n", epid);
}
