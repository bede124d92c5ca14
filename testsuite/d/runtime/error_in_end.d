/* run-time error in END */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	exit(0);
}

END
{
	x = 0;
	y = 1 / x;
}
