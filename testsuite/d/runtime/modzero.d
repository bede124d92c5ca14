/* run-time modulo by zero */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = 0;
	y = 5 % x;
}

BEGIN
{
	exit(0);
}
