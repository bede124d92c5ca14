/* multi-character constant */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 'AB');
	exit(0);
}
