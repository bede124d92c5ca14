/* glob in a probe name */
/* @@options: -q */
dtrace:::BEGI*
{
	printf("ok\n");
	exit(0);
}
