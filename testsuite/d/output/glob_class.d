/* [] glob in a probe name */
/* @@options: -q */
dtrace:::[AB]EGIN
{
	printf("ok\n");
	exit(0);
}
