/* glob in the provider field */
/* @@options: -q */
dtr*:::BEGIN
{
	printf("ok\n");
	exit(0);
}
