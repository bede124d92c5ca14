/* $1 given in hex */
/* @@options: -q */
/* @@args: 0xff */
BEGIN
{
	printf("%d\n", $1);
	exit(0);
}
