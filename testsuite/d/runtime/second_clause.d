/* the faulting clause's earlier records are discarded */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	printf("a\n");
}

BEGIN
{
	x = 0;
	printf("b\n");
	y = 2 / x;
}

BEGIN
{
	exit(0);
}
