/* int keys print %8d */
/* @@options: -q */
BEGIN
{
	@c[3] = sum(30);
	@c[1] = sum(10);
	@c[2] = sum(20);
	exit(0);
}
