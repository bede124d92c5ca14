/* dirname() of a top-level path */
/* @@options: -q */
BEGIN
{
	printf("%s\n", dirname("/usr"));
	exit(0);
}
