/* printf of a global in END */
/* @@options: -q */
BEGIN
{
	x = 7;
	exit(0);
}

END
{
	printf("%d\n", x);
}
