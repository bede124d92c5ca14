/* dirname() without a slash */
/* @@options: -q */
BEGIN
{
	printf("%s\n", dirname("file"));
	exit(0);
}
