/* -q trace of negative values */
/* @@options: -q */
BEGIN
{
	trace(-7);
	trace(" ");
	trace(-7LL);
	exit(0);
}
