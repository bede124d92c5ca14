/* END runs after exit(0) */
/* @@options: -q */
BEGIN
{
	exit(0);
}

END
{
	printf("end\n");
}
