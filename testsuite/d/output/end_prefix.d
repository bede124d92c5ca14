/* END line prefix in default output */
BEGIN
{
	exit(0);
}

END
{
	printf("x");
}
