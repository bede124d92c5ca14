/* -x aggsortkey on the command line */
/* @@options: -q -x aggsortkey */
BEGIN
{
	@c[2] = sum(1);
	@c[1] = sum(5);
	exit(0);
}
