/* #pragma D option quiet: quiet output, notice suppressed too */
#pragma D option quiet

BEGIN
{
	printf("q\n");
	exit(0);
}
