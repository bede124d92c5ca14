/* -x quiet is the same as -q */
/* @@options: -x quiet */
BEGIN
{
	printf("xq\n");
	exit(0);
}
