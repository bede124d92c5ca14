/* * width and * precision */
/* @@options: -q */
BEGIN
{
	printf("[%*.*s]\n", 5, 2, "abcdef");
	exit(0);
}
