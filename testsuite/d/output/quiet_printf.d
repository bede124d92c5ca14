/* -q: only printed data, then the final newline */
/* @@options: -q */
BEGIN
{
	printf("hello\n");
	exit(0);
}
