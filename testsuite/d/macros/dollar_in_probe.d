/* $1 as a probe description */
/* @@options: -q */
/* @@args: BEGIN */
$1
{
	printf("ok\n");
	exit(0);
}
