/* ? glob in a probe name */
/* @@options: -q */
dtrace:::B?GIN
{
	printf("ok\n");
	exit(0);
}
