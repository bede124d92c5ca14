/* id of ERROR is 3 */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = 0;
	y = 1 / x;
}

ERROR
{
	printf("%d %s\n", id, probename);
	exit(0);
}
