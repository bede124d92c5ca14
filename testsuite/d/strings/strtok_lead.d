/* strtok() skips leading separators */
/* @@options: -q */
BEGIN
{
	printf("%s\n", strtok(",,x,y", ","));
	exit(0);
}
