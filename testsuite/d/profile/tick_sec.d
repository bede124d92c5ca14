/* tick-1sec fires once before exit */
/* @@options: -q */
tick-1sec
/!done/
{
	done = 1;
	printf("sec\n");
	exit(0);
}
