/* printf output follows the probe prefix; record end adds a newline */ /* @@cpu-any */
BEGIN
{
	printf("hi\n");
	exit(0);
}
