/* later clauses still run after an error */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = 0;
	y = 1 / x;
}

BEGIN
{
	printf("after\n");
	exit(0);
}
