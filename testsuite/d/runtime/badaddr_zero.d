/* load from address 0 */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = *(char *)0;
}

BEGIN
{
	exit(0);
}
