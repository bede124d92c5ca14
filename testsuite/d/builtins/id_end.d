/* id of END is 2 */
/* @@options: -q */
BEGIN
{
	exit(0);
}

END
{
	printf("%d\n", id);
}
