/* setopt("quiet") takes effect for later records only */
BEGIN
{
	setopt("quiet");
	printf("a\n");
	exit(0);
}
