/* setopt("quiet") takes effect for later records only */ /* @@cpu-any */
BEGIN
{
	setopt("quiet");
	printf("a\n");
	exit(0);
}
