/* run-time int < unsigned int promotes to unsigned */
/* @@options: -q */
BEGIN
{
	x = -1;
	y = 1u;
	printf("%d\n", x < y);
	exit(0);
}
