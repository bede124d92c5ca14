/* empty provider/module/function fields match anything */
/* @@options: -q */
:::BEGIN
{
	printf("ok\n");
	exit(0);
}
