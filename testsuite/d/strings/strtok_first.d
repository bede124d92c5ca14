/* strtok() first token */
/* @@options: -q */
BEGIN
{
	printf("%s\n", strtok("a,b,c", ","));
	exit(0);
}
