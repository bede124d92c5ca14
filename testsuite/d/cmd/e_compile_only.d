/* @@options: -e */
/* -e: compile, then exit before enabling: no notice, no output. */
BEGIN
{
	printf("never\n");
	exit(0);
}
