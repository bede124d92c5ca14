/* $$0 is the script name */
/* @@options: -q */
BEGIN
{
	printf("%s\n", $$0);
	exit(0);
}
