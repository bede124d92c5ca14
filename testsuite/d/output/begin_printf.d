/* printf output follows the probe prefix; record end adds a newline */
BEGIN
{
	printf("hi\n");
	exit(0);
}
