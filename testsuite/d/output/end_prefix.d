/* END line prefix in default output */ /* @@cpu-any */
BEGIN
{
	exit(0);
}

END
{
	printf("x");
}
