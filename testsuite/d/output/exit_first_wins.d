/* exit status 5 kept through END */
/* @@options: -q */
/* @@status: 5 */
BEGIN
{
	exit(5);
}

END
{
	printf("bye\n");
}
