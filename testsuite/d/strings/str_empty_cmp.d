/* empty strings compare equal */
/* @@options: -q */
BEGIN
{
	printf("%d\n", "" == "");
	exit(0);
}
