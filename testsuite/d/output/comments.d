/* C comments anywhere */
/* @@options: -q */
/* a comment */
BEGIN /* here */
{
	/* and here */
	printf("ok\n"); /* after */
	exit(0);
}
