/* run-time division by zero fires ERROR */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = 0;
	y = 1 / x;
}

BEGIN
{
	exit(0);
}
