/* tick probe name variables */
/* @@options: -q */
tick-10ms
/n++ == 0/
{
	printf("%s:%s:%s:%s\n", probeprov, probemod, probefunc, probename);
	exit(0);
}
