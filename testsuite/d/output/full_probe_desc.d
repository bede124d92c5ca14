/* fully specified provider:module:function:name */
/* @@options: -q */
dtrace:::BEGIN
{
	printf("ok\n");
	exit(0);
}
