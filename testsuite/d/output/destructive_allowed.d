/* system() runs with -w, after the output before it is flushed */
/* @@options: -q -w */
BEGIN
{
	printf("before\n");
	system("echo from-system");
	exit(0);
}
