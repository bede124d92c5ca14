/* END fires after exit(); its probe ID is 2 */ /* @@cpu-any */
BEGIN
{
	exit(0);
}

END
{
	trace(2);
}
