/* keyless count() */
/* @@options: -q */
BEGIN
{
	@ = count();
	exit(0);
}
